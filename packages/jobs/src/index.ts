export * from "./connections";
export * from "./enqueue-generation";
export * from "./generation";
export * from "./queues";
