/* A message marked but not yet translated. */
int main(void) { printf(_("%s: %s\n"), "a", "b"); puts(_("nothing to do")); return 0; }
