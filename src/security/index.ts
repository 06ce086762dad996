export { sealText, openText, isSealed, lastDigits, maskEmail, SealError } from './seal';
