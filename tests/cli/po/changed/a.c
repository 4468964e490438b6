/* A --help changed after its translation. */
static const char *help = N_("  -o, --output FILE     write to FILE (atomically)\n"
    "  -h, --help            show this help\n");
int main(void) { puts(_("%s: %s\n")); return 0; }
