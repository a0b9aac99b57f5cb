export const health = async (base) => (await fetch(new URL('/health', base))).json();
