import { ZUserResponse } from "@arbiter/shared";
import type { FastifyPluginAsyncZod } from "fastify-type-provider-zod";
import { toUserDto } from "../users/serialize";

const routes: FastifyPluginAsyncZod = async (app) => {
  app.get(
    "/me",
    {
      schema: { tags: ["auth"], summary: "The signed-in user", response: { 200: ZUserResponse } },
      onRequest: app.authorize(),
    },
    async (request) => {
      const user = await app.db.prisma.user.findUniqueOrThrow({ where: { id: request.principal!.user.id } });
      return { user: toUserDto(user) };
    },
  );
};

export default routes;
