import { useCallback } from 'react';
import { useSearchParams } from 'react-router';
import { CustomerResults } from './CustomerResults';
import { SearchBox } from './SearchBox';

/** `/customers`: the customer list, searchable (`?q=`) and paged. */
export function CustomersPage() {
  const [params, setParams] = useSearchParams();
  const search = params.get('q')?.trim() ?? '';
  const setSearch = useCallback(
    (next: string) => {
      setParams(
        (current) => {
          const updated = new URLSearchParams(current);
          if (next === '') updated.delete('q');
          else updated.set('q', next);
          return updated;
        },
        { replace: true },
      );
    },
    [setParams],
  );

  return (
    <div className="page">
      <title>Customers · Cairn</title>
      <div className="page__header">
        <div>
          <h1>Customers</h1>
          <p className="muted">Unified profiles of the people in this workspace, newest first.</p>
        </div>
        <SearchBox value={search} onSearch={setSearch} />
      </div>
      <CustomerResults key={search} search={search} onClearSearch={() => setSearch('')} />
    </div>
  );
}
