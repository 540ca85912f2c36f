import { Badge, Caption1, makeStyles, MessageBar, MessageBarBody, tokens } from '@fluentui/react-components';
import type { Permission } from '../catalog/permissions';
import { resourceApis } from '../catalog/resource-apis';

const useStyles = makeStyles({
  group: { marginBottom: tokens.spacingVerticalM },
  heading: {
    margin: `0 0 ${tokens.spacingVerticalXS}`,
    fontSize: tokens.fontSizeBase300,
    fontWeight: tokens.fontWeightSemibold,
  },
  list: { listStyle: 'none', margin: 0, padding: 0 },
  item: {
    display: 'grid',
    gridTemplateColumns: 'minmax(0, 1fr) auto',
    columnGap: tokens.spacingHorizontalS,
    alignItems: 'start',
    padding: `${tokens.spacingVerticalXXS} 0`,
    borderBottom: `1px solid ${tokens.colorNeutralStroke3}`,
  },
  name: { fontFamily: tokens.fontFamilyMonospace, fontSize: tokens.fontSizeBase200 },
  description: { display: 'block', color: tokens.colorNeutralForeground3 },
});

interface PermissionListProps {
  readonly permissions: readonly Permission[];
  /** Heading level for the API groups, one below the heading the list sits under, so the outline has no gap. */
  readonly headingLevel: 3 | 4;
  /**
   * Whether to warn about a retired API above its permissions (default true). Off where the page already shows the
   * plan's notices, which carry the same warning, so it is not said twice.
   */
  readonly retiredNotes?: boolean;
}

/** Permissions grouped by API and kind, each with its description and whether it needs admin consent. */
export function PermissionList({ permissions, headingLevel, retiredNotes = true }: PermissionListProps) {
  const styles = useStyles();
  const Heading = `h${headingLevel}` as const;
  return (
    <div>
      {resourceApis.flatMap((api) =>
        (['delegated', 'application'] as const).map((kind) => {
          const group = permissions.filter((p) => p.api === api.id && p.kind === kind);
          if (!group.length) return null;
          return (
            <section key={`${api.id}-${kind}`} className={styles.group}>
              <Heading className={styles.heading}>
                {api.portalName} · {kind === 'delegated' ? 'Delegated' : 'Application'} permissions
              </Heading>
              {retiredNotes && api.retired && (
                <MessageBar intent="warning" layout="multiline">
                  <MessageBarBody>{api.retired}</MessageBarBody>
                </MessageBar>
              )}
              <ul className={styles.list}>
                {group.map((p) => (
                  <li key={p.id + p.kind} className={styles.item}>
                    <span>
                      <span className={styles.name}>{p.name}</span>
                      <Caption1 className={styles.description}>{p.description}</Caption1>
                    </span>
                    {p.adminConsentRequired && (
                      <Badge appearance="tint" color="warning" size="small">
                        Admin consent required
                      </Badge>
                    )}
                  </li>
                ))}
              </ul>
            </section>
          );
        }),
      )}
    </div>
  );
}
