export { registerHomeRoutes } from './web/home.routes.ts';
