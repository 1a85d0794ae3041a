import { randomUUID } from "node:crypto";
import { describe, expect, it } from "vitest";
import {
  CredentialError,
  credentialHint,
  decryptCredential,
  deriveCredentialKey,
  encryptCredential,
} from "../src";

const key = deriveCredentialKey({ ARBITER_SECRET: "an installation secret of some length" });
const generatorId = randomUUID();
const PLAINTEXT = "sk-test-0123456789abcdefXYZ";

describe("generator credentials at rest", () => {
  it("round-trips, and the ciphertext holds no trace of the plaintext", () => {
    const blob = encryptCredential(key, generatorId, PLAINTEXT);
    expect(decryptCredential(key, generatorId, blob)).toBe(PLAINTEXT);
    expect(blob.includes(Buffer.from(PLAINTEXT))).toBe(false);
    expect(blob.includes(Buffer.from(PLAINTEXT.slice(-8)))).toBe(false);
    // version byte, 12-byte IV, one byte per plaintext byte, 16-byte tag
    expect(blob[0]).toBe(1);
    expect(blob.length).toBe(1 + 12 + PLAINTEXT.length + 16);
  });

  it("uses a new random IV each time, so the same key never encrypts the same way twice", () => {
    const blobs = Array.from({ length: 50 }, () => encryptCredential(key, generatorId, PLAINTEXT));
    expect(new Set(blobs.map((b) => b.subarray(1, 13).toString("hex"))).size).toBe(50);
    expect(new Set(blobs.map((b) => b.toString("hex"))).size).toBe(50);
  });

  it("detects tampering with any byte: version, IV, ciphertext or tag", () => {
    const blob = encryptCredential(key, generatorId, PLAINTEXT);
    for (let i = 0; i < blob.length; i++) {
      const bent = Buffer.from(blob);
      bent[i] = bent[i]! ^ 0x01;
      expect(() => decryptCredential(key, generatorId, bent), `byte ${i}`).toThrow(CredentialError);
    }
    expect(() => decryptCredential(key, generatorId, blob.subarray(0, 20))).toThrow(CredentialError);
  });

  it("fails with the wrong key, and for another generator (a ciphertext copied to another row)", () => {
    const blob = encryptCredential(key, generatorId, PLAINTEXT);
    const other = deriveCredentialKey({ ARBITER_SECRET: "another installation's secret" });
    expect(() => decryptCredential(other, generatorId, blob)).toThrow(CredentialError);
    expect(() => decryptCredential(key, randomUUID(), blob)).toThrow(CredentialError);
  });

  it("derives from ARBITER_ENCRYPTION_KEY when set, and from ARBITER_SECRET otherwise", () => {
    const secret = "an installation secret of some length";
    const dedicated = deriveCredentialKey({
      ARBITER_SECRET: secret,
      ARBITER_ENCRYPTION_KEY: "a dedicated encryption key, 32 chars or more",
    });
    const blob = encryptCredential(dedicated, generatorId, PLAINTEXT);
    expect(decryptCredential(dedicated, generatorId, blob)).toBe(PLAINTEXT);
    expect(() => decryptCredential(key, generatorId, blob)).toThrow(CredentialError);
    expect(deriveCredentialKey({ ARBITER_SECRET: secret }).bytes.equals(key.bytes)).toBe(true);
    // The derived key is not the secret itself, and does not print.
    expect(key.bytes.toString("utf8")).not.toContain(secret);
    expect(JSON.stringify({ key })).not.toContain(key.bytes.toString("hex"));
  });

  it("shows the last four characters of a long key only", () => {
    expect(credentialHint(PLAINTEXT)).toBe("fXYZ");
    expect(credentialHint("short-key")).toBeNull();
  });
});
