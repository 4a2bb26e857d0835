"""Command palette providers: every action of the current screen, and the library's articles."""

from __future__ import annotations

from collections.abc import Callable
from functools import partial

from textual.command import DiscoveryHit, Hit, Hits, Provider
from textual.dom import DOMNode

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


class ArticlesProvider(Provider):
    """Open any article of the library by its title."""

    def _articles(self) -> list[tuple[str, str, str]]:
        """(title, description, article id) of every loaded article."""
        library = getattr(self.app, "library_screen", None)
        issues = getattr(library, "issues", [])
        return [
            (art.title, f"{issue.paper_label} {issue.date or ''}", art.id)
            for issue in issues for art in issue.articles
        ]

    async def search(self, query: str) -> Hits:
        """Articles whose title matches the query."""
        matcher = self.matcher(query)
        open_article = self.app.open_article  # type: ignore[attr-defined]
        for title, where, article_id in self._articles():
            score = matcher.match(title)
            if score > 0:
                yield Hit(
                    score, matcher.highlight(f"Open: {title}"),
                    partial(open_article, article_id), help=where,
                )
