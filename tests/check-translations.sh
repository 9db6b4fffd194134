#!/bin/sh
# Fails when a catalogue that must be complete misses a string of the sources.
# The sources are extracted afresh (as `ninja escale-pot` would), merged into a
# copy of each .po, and the copy must be fully translated with nothing fuzzy.
# usage: check-translations.sh SOURCE_DIR LANG...
set -eu
src=$1; shift
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
cd "$src"
grep -v '^#' po/POTFILES.in | grep . > "$tmp/files"
xgettext --from-code=UTF-8 --add-comments=Translators --files-from="$tmp/files" \
  --keyword=_ --keyword=N_ --keyword=C_:1c,2 --keyword=NC_:1c,2 \
  --keyword=g_dcgettext:2 --keyword=g_dngettext:2,3 --keyword=g_dpgettext2:2c,3 \
  --flag=N_:1:pass-c-format --flag=C_:2:pass-c-format --flag=NC_:2:pass-c-format \
  --flag=g_dngettext:2:pass-c-format --flag=g_strdup_printf:1:c-format \
  --flag=g_string_printf:2:c-format --flag=g_string_append_printf:2:c-format \
  --flag=g_error_new:3:c-format --flag=g_set_error:4:c-format \
  -o "$tmp/escale.pot"
status=0
for lang in "$@"; do
  msgmerge --quiet --no-fuzzy-matching "po/$lang.po" "$tmp/escale.pot" -o "$tmp/$lang.po"
  stats=$(msgfmt --check --statistics -o /dev/null "$tmp/$lang.po" 2>&1)
  echo "$lang: $stats"
  case "$stats" in
    *untranslated*|*fuzzy*)
      msgattrib --untranslated "$tmp/$lang.po" | grep '^msgid' | head -20
      status=1 ;;
  esac
done
exit $status
