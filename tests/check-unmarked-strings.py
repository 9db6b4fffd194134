#!/usr/bin/python3
# Fails when a user-visible string of src/ or ui/ is not marked for translation,
# or when a file with translatable strings is missing from po/POTFILES.in.
#
# In C: a string literal given to a function that shows text (labels, titles,
# tooltips, toasts, dialogs, error messages) must be inside _(), C_(), N_() or
# NC_(). In .ui files: the properties that show text must say
# translatable="yes". Texts without letters ("•", "—", "%s") are left alone.
#
# usage: check-unmarked-strings.py SOURCE_DIR
#
# SPDX-License-Identifier: GPL-3.0-or-later
import pathlib
import re
import sys

# Functions whose argument number N (0-based) is shown to the user.
SHOWN_ARGUMENTS = {
    'gtk_label_set_text': 1, 'gtk_label_set_label': 1, 'gtk_label_set_markup': 1,
    'gtk_label_new': 0, 'gtk_button_set_label': 1, 'gtk_button_new_with_label': 0,
    'gtk_button_new_with_mnemonic': 0, 'gtk_check_button_new_with_label': 0,
    'gtk_window_set_title': 1, 'gtk_widget_set_tooltip_text': 1,
    'gtk_widget_set_tooltip_markup': 1, 'gtk_entry_set_placeholder_text': 1,
    'gtk_text_set_placeholder_text': 1, 'gtk_search_entry_set_placeholder_text': 1,
    'adw_preferences_row_set_title': 1, 'adw_action_row_set_subtitle': 1,
    'adw_expander_row_set_subtitle': 1, 'adw_preferences_group_set_title': 1,
    'adw_preferences_group_set_description': 1, 'adw_preferences_page_set_title': 1,
    'adw_status_page_set_title': 1, 'adw_status_page_set_description': 1,
    'adw_toast_new': 0, 'adw_toast_set_title': 1, 'adw_toast_set_button_label': 1,
    'adw_window_title_set_title': 1, 'adw_window_title_set_subtitle': 1,
    'adw_message_dialog_set_heading': 1, 'adw_message_dialog_set_body': 1,
    'adw_message_dialog_new': 1, 'adw_message_dialog_add_response': 2,
    'adw_view_stack_add_titled': 3, 'adw_banner_set_title': 1,
    'g_menu_append': 1, 'g_menu_item_new': 0, 'gtk_file_chooser_native_new': 0,
    'g_set_error_literal': 3, 'g_set_error': 3, 'g_notification_new': 0,
    'g_notification_set_body': 1, 'gtk_string_list_append': 1,
}
MARKERS = ('_', 'C_', 'N_', 'NC_', 'g_dngettext', 'g_dpgettext2', 'ngettext')
UI_PROPERTIES = {
    'label', 'title', 'subtitle', 'tooltip-text', 'tooltip-markup', 'placeholder-text',
    'description', 'heading', 'body', 'text', 'secondary-text', 'button-label',
}
LETTER = re.compile(r'[^\W\d_]', re.UNICODE)
PRINTF = re.compile(r"%(?:\d+\$)?[-+ #0']*\d*(?:\.\d+)?(?:hh|h|ll|l|z|j|t|L)?[a-zA-Z%]|%\"\s*G_\w+\s*\"")
GETTEXT_CALL = re.compile(r'(?<![A-Za-z0-9_])(?:_|N_|C_|NC_|g_dngettext|ngettext)\s*\(')


def split_arguments(text, start):
    """The arguments of the call whose '(' is at @start, as source texts."""
    depth, args, current, i = 0, [], [], start
    in_string = False
    while i < len(text):
        c = text[i]
        if in_string:
            current.append(c)
            if c == '\\':
                current.append(text[i + 1])
                i += 1
            elif c == '"':
                in_string = False
        elif c == '"':
            in_string = True
            current.append(c)
        elif c in '([{':
            depth += 1
            if depth > 1:
                current.append(c)
        elif c in ')]}':
            depth -= 1
            if depth == 0:
                args.append(''.join(current).strip())
                return args
            current.append(c)
        elif c == ',' and depth == 1:
            args.append(''.join(current).strip())
            current = []
        else:
            current.append(c)
        i += 1
    return args


def bare_literal(argument):
    """The text of @argument when it is only string literals, else None."""
    if not argument.startswith('"'):
        return None
    parts = re.findall(r'"((?:[^"\\]|\\.)*)"', argument)
    rest = re.sub(r'"((?:[^"\\]|\\.)*)"', '', argument).strip()
    return ''.join(parts) if rest == '' else None


def strip_comments(text):
    text = re.sub(r'/\*.*?\*/', lambda m: '\n' * m.group(0).count('\n'), text, flags=re.S)
    return re.sub(r'//[^\n]*', '', text)


def check_c(path, problems):
    text = strip_comments(path.read_text(encoding='utf-8'))
    for name, index in SHOWN_ARGUMENTS.items():
        for match in re.finditer(r'(?<![A-Za-z0-9_])' + name + r'\s*\(', text):
            args = split_arguments(text, match.end() - 1)
            if index >= len(args):
                continue
            literal = bare_literal(args[index])
            if literal is not None and LETTER.search(PRINTF.sub('', literal)):
                line = text.count('\n', 0, match.start()) + 1
                problems.append(f'{path}:{line}: "{literal}" given to {name}() is not marked '
                                'for translation')


def check_ui(path, problems):
    text = path.read_text(encoding='utf-8')
    for match in re.finditer(r'<(property|attribute|item)\b([^>]*)>([^<]*)</\1>', text):
        attributes, value = match.group(2), match.group(3)
        name = re.search(r'name="([^"]+)"', attributes)
        is_text = match.group(1) == 'item' or (name and name.group(1) in UI_PROPERTIES)
        if match.group(1) == 'attribute' and name and name.group(1) != 'label':
            is_text = False
        if is_text and LETTER.search(value) and 'translatable="yes"' not in attributes:
            line = text.count('\n', 0, match.start()) + 1
            problems.append(f'{path}:{line}: "{value}" is not marked translatable="yes"')


def main():
    root = pathlib.Path(sys.argv[1])
    listed = {line.strip() for line in (root / 'po' / 'POTFILES.in').read_text().splitlines()
              if line.strip() and not line.startswith('#')}
    problems = []
    for path in sorted((root / 'src').rglob('*.c')):
        check_c(path, problems)
        if GETTEXT_CALL.search(strip_comments(path.read_text(encoding='utf-8'))):
            if str(path.relative_to(root)) not in listed:
                problems.append(f'{path}: has translatable strings but is not in po/POTFILES.in')
    for path in sorted((root / 'ui').rglob('*.ui')):
        check_ui(path, problems)
        if 'translatable="yes"' in path.read_text(encoding='utf-8'):
            if str(path.relative_to(root)) not in listed:
                problems.append(f'{path}: has translatable strings but is not in po/POTFILES.in')
    for problem in problems:
        print(problem)
    print(f'{len(problems)} problem(s)')
    return 1 if problems else 0


if __name__ == '__main__':
    sys.exit(main())
