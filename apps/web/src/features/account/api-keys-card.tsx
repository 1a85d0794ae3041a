import { ButtonLink, Card, CardBody, CardHeader } from "@/components/ui";
import styles from "./account.module.css";

export function ApiKeysCard() {
  return (
    <Card className={`${styles.card} ${styles.spaced}`}>
      <CardHeader
        title="API keys"
        description="For scripts: download exports with curl or request them from a training pipeline."
      />
      <CardBody>
        <ButtonLink href="/account/api-keys">Manage API keys</ButtonLink>
      </CardBody>
    </Card>
  );
}
