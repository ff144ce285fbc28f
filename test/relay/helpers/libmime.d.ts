// Types for the libmime and libqp functions the relay tests use (neither ships types; they come with mailauth).
declare module 'libmime' {
  const libmime: {
    /** Decodes RFC 2047 encoded words in a header value. */
    decodeWords(value: string): string;
  };
  export default libmime;
}

// libqp (a dependency of libmime) decodes the quoted-printable parts of a built message.
declare module 'libqp' {
  const libqp: {
    decode(value: string): Buffer;
  };
  export default libqp;
}
