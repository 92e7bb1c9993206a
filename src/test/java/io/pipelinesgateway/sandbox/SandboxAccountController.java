package io.pipelinesgateway.sandbox;

import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.springframework.context.annotation.Profile;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * The sandbox's user, workspaces and repositories: what a client lists before it reaches pipelines.
 */
@RestController
@Profile("sandbox")
@RequestMapping(SandboxWebFilter.PREFIX)
class SandboxAccountController {

    /** {@code name~"text"} (contains, case-insensitive) or {@code name="text"} (equals), Bitbucket's query syntax. */
    private static final Pattern NAME_QUERY = Pattern.compile("^\\s*(name|slug|full_name)\\s*(~|=)\\s*\"([^\"]*)\"\\s*$");

    private final SandboxStore store;

    SandboxAccountController(SandboxStore store) {
        this.store = store;
    }

    @GetMapping("/user")
    SandboxJson.Account user(ServerHttpRequest request) {
        return Representations.forRequest(request.getURI()).currentUser(store.user());
    }

    @GetMapping("/user/workspaces")
    SandboxJson.Page<SandboxJson.WorkspaceAccess> workspaces(ServerHttpRequest request,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        Representations r = Representations.forRequest(request.getURI());
        List<SandboxJson.WorkspaceAccess> all = store.workspaces().stream().map(r::workspaceAccess).toList();
        return Paging.page(all, Paging.request(page, pagelen), request.getURI());
    }

    /** The cross-workspace lists Bitbucket removed with CHANGE-2770: gone, as they are there. */
    @GetMapping({"/user/permissions/workspaces", "/workspaces"})
    void removedCrossWorkspaceLists() {
        throw SandboxException.gone("CHANGE-2770 - Functionality has been deprecated");
    }

    @GetMapping("/workspaces/{workspace}")
    SandboxJson.Workspace workspace(ServerHttpRequest request, @PathVariable String workspace) {
        return Representations.forRequest(request.getURI()).workspace(store.workspace(workspace));
    }

    @GetMapping("/repositories/{workspace}")
    SandboxJson.Page<SandboxJson.Repository> repositories(ServerHttpRequest request, @PathVariable String workspace,
            @RequestParam(required = false) String q, @RequestParam(required = false) String sort,
            @RequestParam(required = false) String page, @RequestParam(required = false) String pagelen) {
        Representations r = Representations.forRequest(request.getURI());
        List<Repo> repos = store.repositories(store.workspace(workspace)).stream()
                .filter(matching(q))
                .sorted(order(sort))
                .toList();
        return Paging.page(repos.stream().map(r::repository).toList(), Paging.request(page, pagelen),
                request.getURI());
    }

    @GetMapping("/repositories/{workspace}/{repoSlug}")
    SandboxJson.Repository repository(ServerHttpRequest request, @PathVariable String workspace,
            @PathVariable String repoSlug) {
        return Representations.forRequest(request.getURI()).repository(store.repository(workspace, repoSlug));
    }

    private static java.util.function.Predicate<Repo> matching(String q) {
        if (q == null || q.isBlank()) {
            return repo -> true;
        }
        Matcher m = NAME_QUERY.matcher(q);
        if (!m.matches()) {
            throw SandboxException.badRequest("Unsupported query: " + q
                    + " (the sandbox understands name~\"text\" and name=\"text\")");
        }
        String field = m.group(1);
        boolean contains = m.group(2).equals("~");
        String text = m.group(3).toLowerCase(Locale.ROOT);
        return repo -> {
            String value = switch (field) {
                case "slug" -> repo.slug();
                case "full_name" -> repo.fullName();
                default -> repo.name();
            };
            String v = value.toLowerCase(Locale.ROOT);
            return contains ? v.contains(text) : v.equals(text);
        };
    }

    private static Comparator<Repo> order(String sort) {
        if (sort == null || sort.isBlank()) {
            return Comparator.comparing(Repo::slug);
        }
        boolean descending = sort.startsWith("-");
        String field = descending ? sort.substring(1) : sort;
        Comparator<Repo> c = switch (field) {
            case "name" -> Comparator.comparing((Repo r) -> r.name().toLowerCase(Locale.ROOT));
            case "slug" -> Comparator.comparing(Repo::slug);
            case "full_name" -> Comparator.comparing(Repo::fullName);
            case "created_on" -> Comparator.comparing(Repo::createdOn);
            case "updated_on" -> Comparator.comparing(Repo::updatedOn);
            case "size" -> Comparator.comparingLong(Repo::size);
            case "language" -> Comparator.comparing(Repo::language);
            default -> throw SandboxException.badRequest("Invalid sort field: " + field);
        };
        return descending ? c.reversed() : c;
    }
}
