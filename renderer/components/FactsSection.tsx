import { Fragment, type ReactNode } from 'react';

export interface Fact {
  label: string;
  value: ReactNode;
  /** Shown in the monospaced face: paths, addresses. */
  mono?: boolean;
  testId?: string;
}

interface FactsSectionProps {
  /** The heading's id, which names the section. */
  id: string;
  title: string;
  className: string;
  facts: Fact[];
  testId?: string;
}

/** Settings as they stand, for staff who may read but not change them: a titled list of labels and values. */
export function FactsSection({ id, title, className, facts, testId }: FactsSectionProps) {
  return (
    <section className={`form-section ${className}`} aria-labelledby={id} data-testid={testId}>
      <h2 id={id}>{title}</h2>
      <dl className="facts">
        {facts.map((fact) => (
          <Fragment key={fact.label}>
            <dt>{fact.label}</dt>
            <dd className={fact.mono ? 'mono' : undefined} data-testid={fact.testId}>
              {fact.value}
            </dd>
          </Fragment>
        ))}
      </dl>
    </section>
  );
}
