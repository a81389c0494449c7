export { BatchingGraphReader, type BatchingGraphReaderOptions } from './batching-graph-reader';
export { MAX_BATCH_SIZE, type GraphBatchRequest, type GraphBatchResult } from './graph-batch';
export { pathTemplate } from './graph-metrics';
export { MetaGraphClient, type MetaGraphClientOptions, type PagingOptions } from './meta-graph-client';
export { GraphPagingLimitError, MetaGraphError, type MetaGraphErrorKind } from './meta-graph-error';
export { MetaGraphModule } from './meta-graph.module';
export type { GraphCallContext, GraphPage, GraphParams } from './meta-graph.types';
export { redactParams, redactText, redactUrl } from './redact';
export type { ScopePause } from './usage-pacer';
