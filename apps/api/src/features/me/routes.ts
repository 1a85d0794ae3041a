import {
  ZChangePasswordBody,
  ZErrorBody,
  ZMyData,
  ZPasswordChangedResponse,
  ZUpdateMeBody,
  ZUserResponse,
} from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { createLoginThrottle } from "../../lib/login-throttle";
import { toUserDto } from "../../lib/user-dto";
import { myData } from "./my-data";
import { changePassword, getMe, updateMe } from "./service";

const routes: FastifyPluginAsyncZod = async (app) => {
  const throttle = createLoginThrottle(app.db.pool, app.config);

  app.get(
    "/me",
    {
      schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: ZUserResponse } },
      onRequest: app.authorize(),
    },
    async (request) => ({ user: await getMe(app.db, request.principal!.user.id) }),
  );

  app.get(
    "/me/data",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Download everything held about you: account, sign-ins, API keys, pools, crowd platform ids, your answers and your audit trail",
        response: { 200: ZMyData },
      },
      onRequest: app.authorize(),
    },
    async (request, reply) => {
      reply.header("content-disposition", 'attachment; filename="arbiter-my-data.json"');
      reply.header("cache-control", "no-store");
      return myData(app.db, request.principal!.user.id);
    },
  );

  app.patch(
    "/me",
    {
      schema: {
        tags: ["auth"],
        summary: "Change your own settings: the language of the app (null: follow the browser)",
        body: ZUpdateMeBody,
        response: { 200: ZUserResponse, 400: ZErrorBody },
      },
      onRequest: app.authorize(),
    },
    async (request) => ({ user: await updateMe(app.db, request.principal!.user.id, request.body) }),
  );

  app.post(
    "/me/password",
    {
      schema: {
        tags: ["auth"],
        summary:
          "Change your password: ends every session and API key of the account; a browser caller gets a new session cookie",
        body: ZChangePasswordBody,
        response: { 200: ZPasswordChangedResponse, 400: ZErrorBody, 429: ZErrorBody },
      },
      onRequest: app.authorize(),
    },
    async (request, reply) => {
      const { user, revoked } = await changePassword(
        app.db,
        app.config.SESSION_TTL_HOURS,
        throttle,
        request,
        reply,
        request.body,
      );
      return { user: toUserDto(user), revoked };
    },
  );
};

export default routes;
