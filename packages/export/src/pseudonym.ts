import { createHmac } from "node:crypto";

/**
 * A stable stand-in for an annotator: a keyed hash with the installation's secret, so the
 * same person has the same id across exports but the id cannot be reversed or guessed
 * from a user id without the secret.
 */
export function createPseudonymizer(secret: string): (userId: string) => string {
  const cache = new Map<string, string>();
  return (userId) => {
    let id = cache.get(userId);
    if (!id) {
      id = `a_${createHmac("sha256", secret).update(`annotator:${userId}`).digest("hex").slice(0, 16)}`;
      cache.set(userId, id);
    }
    return id;
  };
}
