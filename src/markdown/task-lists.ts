import type MarkdownIt from "markdown-it";
import type { StateCore, Token } from "markdown-it";
import { token } from "./tokens.js";

/** "[ ] ", "[x] " or "[X] " opening a list item's text, with text after it. */
const TASK_MARKER = /^\[([ xX])\][ \t]+(?=\S)/;
const TASK_CLASS = "task-list-item";

/**
 * Task lists: a list item starting with "[ ]" or "[x]" shows a disabled checkbox, ticked or not, instead of the
 * brackets, in a <label> holding the item's text, which names it for screen readers. Runs last, on the parsed inline
 * text; an embedded note's items, already turned, keep their class and are left alone.
 */
export function taskListsPlugin(md: MarkdownIt): void {
  md.core.ruler.push("garden_task_lists", (state) => {
    const lists: Token[] = [];
    state.tokens.forEach((item, i) => {
      if (item.type === "bullet_list_open" || item.type === "ordered_list_open") lists.push(item);
      else if (item.type === "bullet_list_close" || item.type === "ordered_list_close") lists.pop();
      else if (item.type === "list_item_open" && state.tokens[i + 1]?.type === "paragraph_open" && !hasClass(item, TASK_CLASS)) {
        const inline = state.tokens[i + 2];
        if (inline?.type !== "inline" || !inline.children || !makeTask(state, inline.children)) return;
        item.attrJoin("class", TASK_CLASS);
        const list = lists.at(-1);
        if (list && !hasClass(list, "task-list")) list.attrJoin("class", "task-list");
      }
    });
  });
  md.renderer.rules.task_checkbox = (tokens, idx) => `<input type="checkbox" class="task-checkbox" disabled${tokens[idx]!.meta ? " checked" : ""}>`;
}

/** Turns the item's text into a task, if it starts with a marker: a checkbox and the text, in one label. */
function makeTask(state: StateCore, children: Token[]): boolean {
  const first = children[0];
  const marker = first?.type === "text" ? TASK_MARKER.exec(first.content) : null;
  if (!first || !marker) return false;
  first.content = first.content.slice(marker[0].length);
  const checkbox = token(state, "task_checkbox", "input", 0);
  checkbox.meta = marker[1] !== " ";
  children.unshift(token(state, "task_label_open", "label", 1), checkbox);
  children.push(token(state, "task_label_close", "label", -1));
  return true;
}

function hasClass(t: Token, name: string): boolean {
  return (t.attrGet("class") ?? "").split(" ").includes(name);
}
