export { sealText, openText, isSealed, lastDigits, SealError } from './seal';
