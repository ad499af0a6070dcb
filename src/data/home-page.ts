// The view model of the home page: the featured article, the latest advice and the jobs blocks.
import { FLAGSHIP_ID, getArticles } from './articles';
import { getOpenRoles, latestRoles } from './jobs/open-roles';

export async function homePage() {
  const articles = await getArticles();
  return {
    flagship: articles.find((a) => a.id === FLAGSHIP_ID),
    latest: articles.filter((a) => a.id !== FLAGSHIP_ID).slice(0, 6),
    jobs: await latestRoles(),
    openRoles: (await getOpenRoles()).length,
  };
}
