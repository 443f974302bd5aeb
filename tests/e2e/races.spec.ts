import { expect, test } from "@playwright/test";
import { captureFilingRequest, sendFiling, uniquePostUrl } from "./concerns";
import { setWorkflowSettings, withE2eDatabase } from "./database";
import { DEMO, signIn } from "./support";

test.beforeAll(async () => {
  await setWorkflowSettings({ dailyFilingLimit: 100 });
});

test("the same filing sent 20 times at once files one concern; the other 19 are told it is a duplicate", async ({
  page,
}) => {
  await signIn(page, DEMO.otherPhysician);
  const filing = await captureFilingRequest(page, {
    colleague: "Chloe Nguyen",
    postUrl: uniquePostUrl(),
  });

  // The browser's own request, 20 times at the same moment, with its session cookie.
  const results = await Promise.all(
    Array.from({ length: 20 }, () => sendFiling(page.request, filing)),
  );

  const filed = results.flatMap((result) => (result.filedId ? [result.filedId] : []));
  expect(filed).toHaveLength(1);
  const refused = results.filter((result) => !result.filedId);
  expect(refused).toHaveLength(19);
  for (const result of refused) {
    expect(result.response.status()).toBe(200);
    expect(result.text).toContain("You already have an open concern about this post.");
    expect(result.text).toContain(`/concerns/${filed[0]}`);
  }
  const stored = await withE2eDatabase((client) =>
    client.query<{ id: string }>("select id from concerns where post_url = $1", [filing.postUrl]),
  );
  expect(stored.rows).toEqual([{ id: filed[0] }]);

  await page.goto(`/concerns/${filed[0]}`);
  await expect(page.getByText(filing.postUrl)).toBeVisible();
});
