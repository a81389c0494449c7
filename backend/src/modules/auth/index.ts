/** Sign-in and the global access guard: only the module itself is imported (by the composition root). */
export { AuthModule } from './auth.module';
