/** Whether a string of digits passes the Luhn checksum that every payment card number carries. */
export function isLuhnValid(digits: string): boolean {
  let sum = 0;
  let doubled = false;
  for (let index = digits.length - 1; index >= 0; index--) {
    let digit = digits.charCodeAt(index) - 48;
    if (doubled) digit = digit > 4 ? digit * 2 - 9 : digit * 2;
    sum += digit;
    doubled = !doubled;
  }
  return sum % 10 === 0;
}
