import type { AccountSummary } from '@sitenet/domain';
import { defineStore } from 'pinia';
import { shallowRef } from 'vue';
import { useRegionLookupStore } from '#/features/regions/lookup';
import { type RequestStatus, useRequest } from '#/ui/request';
import { type AccountCreateBody, type AccountUpdateBody, createAccount, listAccounts, updateAccount } from './api';

export type AccountsStatus = RequestStatus;

/** The accounts an admin or province official manages; writes go through here so the list stays current. */
export const useAccountsStore = defineStore('accounts', () => {
  const items = shallowRef<AccountSummary[]>([]);
  const { status, error, run } = useRequest();

  async function withUnitNames(accounts: AccountSummary[]): Promise<void> {
    await useRegionLookupStore().ensure(accounts.flatMap((account) => (account.regionCode ? [account.regionCode] : [])));
  }

  /** Loads the list (unit names first); a newer call wins. */
  function load(): Promise<void> {
    return run(
      async () => {
        const response = await listAccounts();
        await withUnitNames(response.items);
        return response.items;
      },
      (accounts) => {
        items.value = accounts;
      },
    );
  }

  function replace(updated: AccountSummary): void {
    const exists = items.value.some((account) => account.id === updated.id);
    const next = exists ? items.value.map((account) => (account.id === updated.id ? updated : account)) : [...items.value, updated];
    items.value = next.sort((a, b) => a.username.localeCompare(b.username));
  }

  /** Creates an account and adds it to the list; the API's error is thrown to the form. */
  async function create(body: AccountCreateBody): Promise<AccountSummary> {
    const created = await createAccount(body);
    await withUnitNames([created]);
    replace(created);
    return created;
  }

  async function update(id: string, body: AccountUpdateBody): Promise<AccountSummary> {
    const updated = await updateAccount(id, body);
    replace(updated);
    return updated;
  }

  return { items, status, error, load, create, update };
});
