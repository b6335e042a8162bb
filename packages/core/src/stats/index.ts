export { betaCdf, betaPdf, betaQuantile, logBeta, regularizedBeta } from './beta.js';
export { EmpiricalCdf } from './empirical-cdf.js';
export {
  gammaCdf,
  gammaPdf,
  gammaQuantile,
  logGamma,
  regularizedGammaP,
  regularizedGammaQ,
} from './gamma.js';
export { invertCdf } from './invert-cdf.js';
export { ksCriticalValue, ksStatistic } from './kolmogorov-smirnov.js';
export { erfc, normalCdf, normalPdf, normalQuantile, normalQuantileUpper, normalSf } from './normal.js';
export { drawFromCumulative, lowerBound, upperBound } from './sorted-search.js';
export {
  normalMass,
  standardTruncatedQuantile,
  truncatedNormalCdf,
  truncatedNormalPdf,
  truncatedNormalQuantile,
} from './truncated-normal.js';
