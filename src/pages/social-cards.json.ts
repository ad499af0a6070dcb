// Every social card's text, for the renderer that runs after the build (src/integrations/social-cards/),
// which writes the images and takes this file out of the served site.
import type { APIRoute } from 'astro';
import { allSocialCards } from '../data/social-cards';

export const GET: APIRoute = async () => new Response(JSON.stringify(await allSocialCards()));
