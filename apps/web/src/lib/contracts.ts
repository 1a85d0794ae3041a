import type {
  ZJudgment,
  ZJudgmentResponse,
  ZMyProject,
  ZNextResponse,
  ZProgressResponse,
  ZProjectListResponse,
} from "@arbiter/shared";
import type { z } from "zod";

// Response types of the API calls the web app makes; the schemas live in @arbiter/shared.
export type TMyProject = z.infer<typeof ZMyProject>;
export type TJudgmentDto = z.infer<typeof ZJudgment>;
export type TJudgmentResponse = z.infer<typeof ZJudgmentResponse>;
export type TNextResponse = z.infer<typeof ZNextResponse>;
export type TProgress = z.infer<typeof ZProgressResponse>["progress"];
export type TProjectList = z.infer<typeof ZProjectListResponse>;
