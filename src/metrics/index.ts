export { createMetrics, type PrometheusMetrics } from './prometheus';
export { createMetricsRouter, timeRequests } from './http';
export { countingCallbacksDone } from './callbacksDone';
export { configVersionOf } from './configVersion';
export { startMetricsServer } from './server';
