import { ButtonAnchor, Card, CardBody, CardHeader } from "@/components/ui";
import styles from "./account.module.css";

/** A person's right of access: everything the service holds about them, in one JSON file. */
export function MyDataCard() {
  return (
    <Card className={`${styles.card} ${styles.spaced}`}>
      <CardHeader
        title="Your data"
        description="Everything Arbiter holds about you: your account, where you signed in, your API keys, your pools and every answer you gave."
      />
      <CardBody>
        <ButtonAnchor href="/api/v1/me/data" download="arbiter-my-data.json">
          Download my data (JSON)
        </ButtonAnchor>
      </CardBody>
    </Card>
  );
}
