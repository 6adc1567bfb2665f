export const TEST_APP_PASSWORD = 'opensend-test-app-password';
