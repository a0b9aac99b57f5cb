export const crawl = (url) => ({ url });
