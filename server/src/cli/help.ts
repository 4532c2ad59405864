/** `deploy-doctor --help`. */
export function helpText(products: readonly string[]): string {
  return `Usage: deploy-doctor check [options] [PATH…]
       deploy-doctor rules [--format text|json]

Checks deployment configuration — .env, config.toml, docker-compose and nginx files — against
the products' schemas and what production needs. Directories are walked; node_modules, .git and
what .gitignore ignores are skipped. A path named explicitly is always checked. PATH defaults to
the current folder.

Options of check:
  -f, --format text|json|sarif|github
                                   output format (default: text); github prints workflow
                                   commands that GitHub Actions shows as annotations
      --product P                  check every file as this product's: ${products.join(', ')}
      --mode production|development
                                   check every file in this mode (default: detected per file)
      --rule ID=SEVERITY           override a rule's severity: error, warning, info, hint or off
                                   (repeatable; also ID=SEVERITY,ID=SEVERITY)
      --color, --no-color          force colour on or off (default: on for a terminal, off when
                                   NO_COLOR is set)
      --max-warnings N             exit 1 when there are more than N warnings
      --fix                        apply the editor's "Fix all" fixes to each file, then report
                                   what is left (e.g. deploy-doctor check --fix .)
      --fix-dry-run                print the fixes as a unified diff; write nothing
                                   (e.g. deploy-doctor check --fix-dry-run deploy/ > fixes.patch)
      --fix-type safe|secrets|all  with --fix or --fix-dry-run: safe (default) runs deterministic
                                   fixes only, secrets adds generated secrets, all adds fixes that
                                   choose a value (e.g. --fix --fix-type secrets .env)
      --stdin --stdin-filename NAME
                                   check the text on stdin as the file NAME (its name decides
                                   the kind; side files and config are looked up beside NAME)
  -h, --help                       show this help
  -v, --version                    show the version

Exit status: 0 no errors, 1 at least one error (or more warnings than --max-warnings), 2 a\nusage or file-system error.
`;
}
