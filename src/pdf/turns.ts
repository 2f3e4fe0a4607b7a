/**
 * Pages made and printed in turn: while Chromium prints one language's page, Node makes the next
 * (its charts and HTML), so the two cores work at once. Nothing here knows what a page is.
 */

export interface Turn<Item, Page, Printed> {
  /** Makes one item's page (Node's work). */
  make(item: Item): Promise<Page>;
  /** Prints a page (Chromium's work); absent: pages are only made (`--html-only`). */
  print?: ((page: Page) => Promise<Printed>) | undefined;
}

export interface Made<Item, Page, Printed> {
  item: Item;
  page: Page;
  printed?: Printed;
}

/**
 * Makes each item's page in order and starts printing it without waiting, then makes the next.
 * Resolves with every item's page and print in order once all are done; rejects with the first
 * failure, but never while a print is still running into a browser its caller may then close.
 */
export async function makeAndPrintInTurn<Item, Page, Printed>(
  items: readonly Item[],
  turn: Turn<Item, Page, Printed>,
): Promise<Made<Item, Page, Printed>[]> {
  const started: Promise<Made<Item, Page, Printed>>[] = [];
  let failure: { error: unknown } | undefined;
  for (const item of items) {
    try {
      const page = await turn.make(item);
      const done = turn.print
        ? turn.print(page).then((printed) => ({ item, page, printed }))
        : Promise.resolve({ item, page });
      done.catch(() => {}); // settled below, after the remaining items are made
      started.push(done);
    } catch (error) {
      failure = { error };
      break;
    }
  }
  const settled = await Promise.allSettled(started);
  if (failure) throw failure.error;
  const rejected = settled.find((r) => r.status === 'rejected');
  if (rejected) throw rejected.reason;
  return settled.map((r) => (r as PromiseFulfilledResult<Made<Item, Page, Printed>>).value);
}
