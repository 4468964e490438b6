/* A translation with another conversion than its message. */
int main(void) { printf(_("%s: %s\n"), "a", "b"); return 0; }
