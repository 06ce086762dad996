/**
 * The sign-in pages a person may land on (refused, expired, provider away): plain French, one idea per
 * sentence, no script (they work under the strictest Content Security Policy), the console's style.
 */
export interface PageLink {
  href: string;
  text: string;
}

export interface SignInPage {
  status: number;
  title: string;
  paragraphs: string[];
  links: PageLink[];
}

const escapeHtml = (text: string) => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

/** No script, no inline style, nothing from elsewhere. */
export const PAGE_CONTENT_SECURITY_POLICY = "default-src 'none'; style-src 'self'; img-src 'self'; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";

export function renderSignInPage(page: SignInPage): string {
  const paragraphs = page.paragraphs.map((p) => `        <p>${escapeHtml(p)}</p>`).join('\n');
  const links = page.links.map((l, i) => `          <a class="button${i === 0 ? '' : ' secondary'}" href="${escapeHtml(l.href)}">${escapeHtml(l.text)}</a>`).join('\n');
  return `<!doctype html>
<html lang="fr">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <meta name="referrer" content="no-referrer" />
    <title>${escapeHtml(page.title)} – Console des conseillers du 360</title>
    <link rel="stylesheet" href="/console/console.css" />
  </head>
  <body>
    <header class="page-header">
      <div class="header-line"><p class="site-name">Console des conseillers du 360</p></div>
    </header>
    <main id="main">
      <section class="panel sign-in" aria-labelledby="page-title">
        <h1 id="page-title">${escapeHtml(page.title)}</h1>
${paragraphs}
        <div class="button-row">
${links}
        </div>
      </section>
    </main>
  </body>
</html>
`;
}

export const PAGES = {
  noAccount: (email: string, signOutUrl: string | null): SignInPage => ({
    status: 403,
    title: 'Vous n’avez pas accès à la console',
    paragraphs: [
      `Vous êtes bien connecté avec l’adresse ${email}.`,
      'Mais vous n’avez pas de compte dans la console du 360.',
      'Demandez à votre coordinateur ou à l’équipe nationale de vous créer un compte. Donnez-lui cette adresse.',
    ],
    links: [...(signOutUrl ? [{ href: signOutUrl, text: 'Se déconnecter du service de connexion' }] : []), { href: '/console', text: 'Revenir à la page de connexion' }],
  }),
  emailNotVerified: (): SignInPage => ({
    status: 403,
    title: 'Votre adresse n’est pas vérifiée',
    paragraphs: ['Le service de connexion dit que votre adresse e-mail n’est pas vérifiée.', 'Vérifiez-la auprès de ce service, puis reconnectez-vous.'],
    links: [{ href: '/console', text: 'Revenir à la page de connexion' }],
  }),
  subjectMismatch: (): SignInPage => ({
    status: 403,
    title: 'Ce compte est déjà lié à une autre identité',
    paragraphs: ['Votre adresse e-mail est liée à une autre identité.', 'Pour votre sécurité, la connexion est refusée.', 'Contactez l’équipe nationale du 360.'],
    links: [{ href: '/console', text: 'Revenir à la page de connexion' }],
  }),
  expired: (): SignInPage => ({
    status: 400,
    title: 'La connexion a pris trop de temps',
    paragraphs: ['Votre demande de connexion a expiré, ou elle a été ouverte dans un autre navigateur.', 'Recommencez, s’il vous plaît.'],
    links: [{ href: '/auth/login', text: 'Se connecter' }],
  }),
  rejected: (): SignInPage => ({
    status: 400,
    title: 'La connexion n’a pas abouti',
    paragraphs: ['Le service de connexion n’a pas confirmé votre identité.', 'Recommencez, s’il vous plaît.'],
    links: [{ href: '/auth/login', text: 'Se connecter' }],
  }),
  providerUnavailable: (): SignInPage => ({
    status: 503,
    title: 'Le service de connexion ne répond pas',
    paragraphs: ['Le service de connexion ne répond pas pour le moment.', 'Réessayez dans quelques minutes.'],
    links: [{ href: '/auth/login', text: 'Réessayer' }],
  }),
  unavailable: (): SignInPage => ({
    status: 503,
    title: 'La connexion est momentanément indisponible',
    paragraphs: ['Le service ne peut pas vérifier votre connexion pour le moment.', 'Réessayez dans quelques minutes.'],
    links: [{ href: '/console', text: 'Revenir à la console' }],
  }),
  notConfigured: (): SignInPage => ({
    status: 503,
    title: 'La connexion n’est pas configurée',
    paragraphs: ['Aucun service de connexion n’est configuré pour cette console.', 'Prévenez l’équipe technique.'],
    links: [{ href: '/console', text: 'Revenir à la console' }],
  }),
};
