// Types for the standalone validator that src/tools/gen-validator.mjs generates at build time.
import type { ErrorObject } from 'ajv';
declare const validate: ((data: unknown) => boolean) & { errors?: ErrorObject[] | null };
export default validate;
