import styles from "./generation.module.css";

const EXAMPLES = {
  prompts: {
    jsonl: [
      '{"externalId": "q-1", "text": "Why is the sea salty?"}',
      '{"externalId": "q-2", "messages": [{"role": "user", "content": "Name a moon of Jupiter."}]}',
      '{"text": "Write a haiku about rain.", "metadata": {"topic": "poetry"}}',
    ],
    csv: [
      "external_id,text,metadata",
      'q-1,Why is the sea salty?,"{""topic"": ""science""}"',
      "q-3,Write a haiku about rain.,",
    ],
    fields:
      "text or messages (a conversation of system/user/assistant turns), optional externalId and metadata. A prompt already in the project (same content) is reported as a duplicate, not added again.",
  },
  completions: {
    jsonl: [
      '{"promptExternalId": "q-1", "model": "llama-3-8b", "text": "Rivers carry dissolved salts…"}',
      '{"promptId": "1f0c…", "model": "my-sft-v2", "text": "…", "sampleIndex": 1, "finishReason": "stop"}',
    ],
    csv: ["prompt_external_id,model,text,sample_index", "q-1,llama-3-8b,Rivers carry dissolved salts…,0"],
    fields:
      "the prompt by promptId or promptExternalId (one of them), model, text; optional sampleIndex, finishReason, metadata. Build items from them afterwards.",
  },
};

export function ImportFormats({ kind }: { kind: "prompts" | "completions" }) {
  const ex = EXAMPLES[kind];
  return (
    <>
      <p className={styles.note}>Fields: {ex.fields}</p>
      <div className={styles.formats}>
        <div>
          <strong>JSONL</strong>
          <pre className={styles.code}>{ex.jsonl.join("\n")}</pre>
        </div>
        <div>
          <strong>CSV</strong>
          <pre className={styles.code}>{ex.csv.join("\n")}</pre>
        </div>
      </div>
    </>
  );
}
