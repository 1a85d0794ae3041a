export * from "./aggregate";
export * from "./export-item";
export * from "./formats";
export * from "./pairs";
export * from "./pseudonym";
export * from "./source";
export * from "./split";
export * from "./types";
