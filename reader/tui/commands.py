"""Command palette providers: every action of the current screen, and the library's articles."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual import getters
from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.content import Content
from textual.dom import DOMNode
from textual.fuzzy import Matcher
from textual.markup import escape

from reader.tui.pipeline import EditingApp, OpenArticle
from reader.tui.screens.help import HIDDEN_ACTIONS, key_label


class ActionsProvider(Provider):
    """Every key-bound action where the palette was opened, by its description."""

    def _commands(self) -> list[tuple[str, str, Callable[[], object]]]:
        """(name, help, callback) for each action, deduplicated."""
        found: dict[tuple[int, str], tuple[str, list[str], DOMNode]] = {}
        for key, active in self.screen.active_bindings.items():
            binding = active.binding
            if not binding.description or binding.system or not active.enabled or (
                binding.action in HIDDEN_ACTIONS
            ):
                continue
            ident = (id(active.node), binding.action)
            if ident in found:
                found[ident][1].append(key)
            else:
                found[ident] = (binding.description, [key], active.node)
        out = []
        for (_, action), (description, keys, node) in found.items():
            callback = partial(self._run, node, action)
            out.append((description, f"key: {key_label(','.join(keys))}", callback))
        return sorted(out, key=lambda c: c[0])

    def _run(self, node: DOMNode, action: str) -> None:
        """Run an action on the node that binds it, once the palette has closed."""
        self.app.call_later(node.run_action, action)

    async def discover(self) -> Hits:
        """List every action when nothing is typed yet."""
        for name, help_text, callback in self._commands():
            yield DiscoveryHit(name, callback, help=help_text)

    async def search(self, query: str) -> Hits:
        """Actions whose description matches the query."""
        matcher = self.matcher(query)
        for name, help_text, callback in self._commands():
            score = matcher.match(name)
            if score > 0:
                yield Hit(score, matcher.highlight(name), callback, help=help_text)


def plain_highlight(matcher: Matcher, candidate: str) -> Content:
    """The candidate with the matched characters styled, never read as markup.

    (`Matcher.highlight` parses its candidate as markup: a title with `[/]` would break it.)
    """
    content = Content(candidate)
    score, offsets = matcher.fuzzy_search.match(matcher.query, candidate)
    if not score:
        return content
    for offset in offsets:
        if not candidate[offset].isspace():
            content = content.stylize(matcher.match_style, offset, offset + 1)
    return content


class ArticlesProvider(Provider):
    """Open any article of the library by its title."""

    app = getters.app(EditingApp)

    def _articles(self) -> list[tuple[str, str, str]]:
        """(title, description, article id) of every loaded article."""
        return [
            (found.article.title,
             f"{found.issue.paper_label} {found.issue.date or ''}", found.article.id)
            for found in self.app.session.library.articles()
        ]

    def _open(self, article_id: str) -> None:
        """Ask the app for the article (from the screen the palette was opened on)."""
        self.screen.post_message(OpenArticle(article_id))

    async def search(self, query: str) -> Hits:
        """Articles whose title matches the query."""
        matcher = self.matcher(query)
        for title, where, article_id in self._articles():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, plain_highlight(matcher, f"Open: {title}"),
                    partial(self._open, article_id), text=f"Open: {title}",
                    help=escape(where),
                )
