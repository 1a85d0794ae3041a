export * from "./annotation";
export * from "./api-keys";
export * from "./common";
export * from "./pools";
export * from "./projects";
export * from "./prompts";
export * from "./quality";
export * from "./users";
