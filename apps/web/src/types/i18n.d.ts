import type messages from "../../messages/en.json";

// Message keys are checked at compile time against the English catalogue.
declare module "next-intl" {
  interface AppConfig {
    Messages: typeof messages;
  }
}
