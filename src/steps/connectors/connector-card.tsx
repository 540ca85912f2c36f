import {
  Accordion,
  AccordionHeader,
  AccordionItem,
  AccordionPanel,
  Badge,
  Caption1,
  Card,
  Checkbox,
  makeStyles,
  mergeClasses,
  Radio,
  RadioGroup,
  Text,
  tokens,
} from '@fluentui/react-components';
import { useId } from 'react';
import type { Connector, ConnectorMode } from '../../catalog/connectors';
import { resolveConnectorMode } from '../../catalog/resolve';
import { CorrectionList } from '../../ui/correction-list';
import { PermissionList } from '../../ui/permission-list';

const useStyles = makeStyles({
  card: { padding: tokens.spacingHorizontalL, gap: tokens.spacingVerticalS },
  selected: { outline: `2px solid ${tokens.colorBrandStroke1}` },
  header: { display: 'flex', flexDirection: 'column' },
  name: { fontWeight: tokens.fontWeightSemibold, fontSize: tokens.fontSizeBase400 },
  description: { color: tokens.colorNeutralForeground3, paddingLeft: '32px' },
  modes: { paddingLeft: '28px' },
  summary: { display: 'block', paddingLeft: '36px', color: tokens.colorNeutralForeground2 },
  badges: { display: 'flex', gap: tokens.spacingHorizontalXS, flexWrap: 'wrap', paddingLeft: '36px' },
});

interface ConnectorCardProps {
  readonly connector: Connector;
  readonly selected: boolean;
  readonly mode: ConnectorMode;
  readonly onSelectedChange: (selected: boolean) => void;
  readonly onModeChange: (mode: ConnectorMode) => void;
}

const modeLabels: Record<ConnectorMode, string> = { user: 'Non-admin users', admin: 'Admin accounts' };

/** One connector: include it, choose how its accounts connect, and see exactly what that adds. */
export function ConnectorCard({
  connector,
  selected,
  mode,
  onSelectedChange,
  onModeChange,
}: ConnectorCardProps) {
  const styles = useStyles();
  const modeLabelId = useId();
  const { permissions, corrections } = resolveConnectorMode(connector.id, mode);
  const definition = connector.modes[mode];
  const apis = new Set(permissions.map((p) => p.api)).size;
  const consent = permissions.filter((p) => p.adminConsentRequired).length;

  return (
    <Card className={mergeClasses(styles.card, selected && styles.selected)} aria-label={connector.name}>
      <div className={styles.header}>
        <Checkbox
          checked={selected}
          onChange={(_, data) => onSelectedChange(Boolean(data.checked))}
          label={<span className={styles.name}>{connector.name}</span>}
        />
        <Caption1 className={styles.description}>{connector.description}</Caption1>
      </div>
      <div className={styles.modes}>
        <Text id={modeLabelId} size={200} weight="semibold">
          Who connects {connector.name}
        </Text>
        <RadioGroup
          aria-labelledby={modeLabelId}
          layout="horizontal"
          value={mode}
          onChange={(_, data) => onModeChange(data.value as ConnectorMode)}
        >
          {(Object.keys(modeLabels) as ConnectorMode[]).map((m) => (
            <Radio key={m} value={m} label={modeLabels[m]} />
          ))}
        </RadioGroup>
      </div>
      <Text className={styles.summary}>{definition.summary}</Text>
      {connector.modeNote && <Caption1 className={styles.summary}>{connector.modeNote}</Caption1>}
      {mode === 'admin' && (
        <div className={styles.badges}>
          <Badge appearance="outline">Enables ID tokens</Badge>
          {definition.certificate && <Badge appearance="outline">Needs a certificate</Badge>}
        </div>
      )}
      {corrections.length > 0 && <CorrectionList corrections={corrections} />}
      <Accordion collapsible>
        <AccordionItem value="permissions">
          {/* The card's heading: the connector's name, for a screen reader's list of headings, then what it adds. */}
          <AccordionHeader size="small" as="h2">
            <span className="visually-hidden">{connector.name}: </span>
            {permissions.length} permissions on {apis} {apis === 1 ? 'API' : 'APIs'}
            {consent > 0 ? `, ${consent} need admin consent` : ''}
          </AccordionHeader>
          <AccordionPanel>
            <PermissionList permissions={permissions} headingLevel={3} />
          </AccordionPanel>
        </AccordionItem>
      </Accordion>
    </Card>
  );
}
