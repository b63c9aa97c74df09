import { useCallback, useRef, useState } from 'react';
import type { CallOutput } from '../../../shared/contract/calls';
import type { Role } from '../../../shared/domain/roles';
import { mayCall } from '../../session';
import { PersonRecordPanel } from './PersonRecordPanel';
import { RefusalForm } from './RefusalForm';
import { SearchPanel } from './SearchPanel';
import type { Done } from './types';
import '../../components/records.css';

/** Below the search: nothing yet, a person's record, or the form that records a refusal for someone new. */
type Open = { view: 'none' } | { view: 'person'; personId: string; done: Done | null; opened: number } | { view: 'refusal' };

/** Staff search of registrations and a person's record, with every action on it. */
export function RecordsScreen({ role }: { role: Role }) {
  const mayRealise = mayCall(role, 'registration:realise');
  const mayCareForFamily = mayCall(role, 'family:open');
  const [open, setOpen] = useState<Open>({ view: 'none' });
  const [refreshKey, setRefreshKey] = useState(0);
  const openings = useRef(0);

  // `opened` remounts the record on every opening, so reveals and half-filled forms never carry over.
  const openPerson = useCallback((personId: string, done: Done | null = null) => {
    openings.current += 1;
    setOpen({ view: 'person', personId, done, opened: openings.current });
  }, []);
  const onChanged = useCallback(() => setRefreshKey((key) => key + 1), []);
  const onRefusalRecorded = useCallback(
    (recorded: CallOutput<'refusal:record'>) => {
      onChanged();
      openPerson(recorded.personId, { action: 'refusalRecorded' });
    },
    [onChanged, openPerson],
  );
  const close = useCallback(() => setOpen({ view: 'none' }), []);

  return (
    <>
      <SearchPanel
        refreshKey={refreshKey}
        openPersonId={open.view === 'person' ? open.personId : null}
        onOpen={(personId) => openPerson(personId)}
        onRecordRefusal={() => setOpen({ view: 'refusal' })}
      />
      {open.view === 'person' ? (
        <PersonRecordPanel
          key={open.opened}
          personId={open.personId}
          initialDone={open.done}
          mayRealise={mayRealise}
          mayCareForFamily={mayCareForFamily}
          onClose={close}
          onChanged={onChanged}
        />
      ) : null}
      {open.view === 'refusal' ? <RefusalForm onRecorded={onRefusalRecorded} onCancel={close} /> : null}
    </>
  );
}
