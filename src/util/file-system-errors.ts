// The write failures that belong to the place written to (a full disk, a read-only mount), as people say them.

/** errno code to a phrase; a code not here is relayconf's bug rather than the place's. */
export const FILE_SYSTEM_ERRORS: Readonly<Record<string, string>> = {
  ENOSPC: 'no space left on the device',
  EDQUOT: 'disk quota exceeded',
  EROFS: 'read-only file system',
  EACCES: 'permission denied',
  EPERM: 'operation not permitted',
  EIO: 'input/output error',
  EFBIG: 'file too large',
  EMLINK: 'too many links',
  ENAMETOOLONG: 'file name too long',
};
