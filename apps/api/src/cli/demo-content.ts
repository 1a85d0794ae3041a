// A few prompts with two answers each, so the demo has something to judge before any
// model server is connected. Written for the demo; not model output.
export const DEMO_ITEMS: { prompt: string; answers: [string, string] }[] = [
  {
    prompt: "How do I reverse a list in Python without modifying the original?",
    answers: [
      "Use slicing, which returns a new list:\n\n```python\nitems = [1, 2, 3]\nreversed_items = items[::-1]\n```\n\n`items` is unchanged. If you only need to iterate, `reversed(items)` avoids the copy.",
      "You can call `items.reverse()`.\n\nThis reverses the list in place.",
    ],
  },
  {
    prompt: "Explain what a reward model is in one paragraph.",
    answers: [
      "A reward model is a neural network trained to score a model's response the way a human would. It learns from comparisons — a person sees two answers to the same prompt and picks the better one — and turns those preferences into a number. That score is then used as the training signal when fine-tuning a language model with reinforcement learning.",
      "A reward model gives rewards. It is used in RLHF. It is important for alignment because it rewards good behaviour and punishes bad behaviour, which makes the model better.",
    ],
  },
  {
    prompt: "Write a haiku about autumn rain.",
    answers: [
      "Cold rain on the roof —\nthe maple lets go its last\nred hand to the wind",
      "Autumn rain falls down\nIt is very wet outside\nI like autumn rain",
    ],
  },
  {
    prompt: "What is the difference between TCP and UDP?",
    answers: [
      "**TCP** is connection-oriented: it guarantees delivery, ordering and retransmits lost packets, at the cost of latency.\n\n**UDP** sends independent datagrams with no delivery or ordering guarantees, which makes it lighter and faster — good for games, voice and DNS.",
      "| | TCP | UDP |\n|---|---|---|\n| Connection | yes | no |\n| Ordered | yes | no |\n| Reliable | yes | no |\n| Typical use | web, email | video calls, DNS |",
    ],
  },
  {
    prompt: "My code says `TypeError: undefined is not a function`. What should I check?",
    answers: [
      "Check that the thing you call exists at that moment:\n\n1. Is the name spelled right, and imported/exported correctly?\n2. Is it a method called on the wrong object (e.g. `this` lost in a callback)?\n3. Did an async value arrive yet?\n\nLog the value just before the call: `console.log(typeof fn)`.",
      "This error means something is undefined. Try restarting your computer and running the code again. If it still happens, reinstall Node.js.",
    ],
  },
  {
    prompt: "Summarise the plot of Romeo and Juliet in two sentences.",
    answers: [
      "Two teenagers from feuding families in Verona fall in love and marry in secret. A chain of misunderstandings ends with both taking their own lives, which finally reconciles their families.",
      "Romeo and Juliet is a tragedy by William Shakespeare written in the 1590s. It is one of his most famous plays and has been adapted many times.",
    ],
  },
  {
    prompt: "Is it safe to mix bleach and ammonia for a stronger cleaner?",
    answers: [
      "No. Mixing bleach and ammonia releases toxic chloramine gas, which can cause coughing, chest pain and serious lung damage. Use one product at a time, rinse in between, and keep the room ventilated.",
      "Yes, combining cleaners usually makes them more effective. Just use gloves.",
    ],
  },
  {
    prompt: "Give me a SQL query that counts orders per customer.",
    answers: [
      "```sql\nSELECT customer_id, count(*) AS orders\nFROM orders\nGROUP BY customer_id\nORDER BY orders DESC;\n```",
      "```sql\nSELECT customer_id, count(*) AS orders\nFROM orders\nGROUP BY customer_id;\n```\n\nAdd `HAVING count(*) > 1` to keep repeat customers only.",
    ],
  },
];

// Prompts without answers: the demo has the model server answer them (and the ones above),
// so a newcomer sees prompts become completions and then items.
export const DEMO_PROMPTS: string[] = [
  "Why is the sky blue? Answer for a curious ten-year-old.",
  "Write a short, friendly reminder that a library book is overdue.",
  "What are the trade-offs between a monolith and microservices?",
  "Suggest a name for a bakery that only opens at night.",
  "How should I prepare for a job interview at a small startup?",
  "Explain the difference between weather and climate.",
  "Describe a quiet morning at sea in three sentences.",
  "What should a beginner know before adopting a cat?",
];

/** The demo's generators: two models of the development model server, so items compare them. */
export const DEMO_GENERATORS = [
  {
    name: "Small model (demo)",
    model: "arbiter-small",
    params: { temperature: 0.8, max_tokens: 120, seed: 1 },
  },
  {
    name: "Large model (demo)",
    model: "arbiter-large",
    params: { temperature: 0.7, max_tokens: 200, seed: 1 },
  },
];
