package io.thingseeportal.demo.idp;

import java.util.stream.Collectors;
import org.springframework.security.web.csrf.CsrfToken;
import org.springframework.web.util.HtmlUtils;

/** The demo identity provider's sign-in page: a plain form, and the demo accounts to pick from. */
final class DemoLoginPage {

    private DemoLoginPage() {}

    static String render(DemoProvider provider, CsrfToken csrf, boolean failed, boolean loggedOut) {
        String rows = DemoAccount.of(provider).stream()
                .map(account -> """
                        <tr><td><button type="button" class="pick" data-user="%1$s">%1$s</button></td>\
                        <td>%2$s</td><td>%3$s</td><td>%4$s</td></tr>""".formatted(
                                escape(account.username()),
                                escape(account.name()),
                                escape(account.organisationName()),
                                escape(account.role() == null ? "none (sees \"no access\")" : account.role())))
                .collect(Collectors.joining("\n"));
        String notice = failed
                ? "<p class=\"error\" id=\"login-error\">Wrong user name or password.</p>"
                : loggedOut ? "<p class=\"info\">You have signed out.</p>" : "";
        return """
                <!DOCTYPE html>
                <html lang="en"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <title>%s</title>
                <style>
                body{font-family:system-ui,sans-serif;margin:0;padding:1.5rem;background:#f4f6f8;color:#1b2733}
                main{max-width:40rem;margin:auto;background:#fff;padding:1.5rem;border-radius:.75rem}
                h1{font-size:1.4rem}label{display:block;margin:.75rem 0 .25rem}
                input{width:100%%;box-sizing:border-box;font-size:1.1rem;padding:.6rem;border:1px solid #9aa5b1;border-radius:.4rem}
                button{font-size:1rem;padding:.6rem 1rem;border-radius:.4rem;border:0;background:#0b5cad;color:#fff;cursor:pointer}
                #sign-in{width:100%%;margin-top:1rem;font-size:1.1rem}.pick{background:#e3ecf7;color:#0b5cad}
                table{width:100%%;border-collapse:collapse;margin-top:1rem;font-size:.95rem}td,th{text-align:left;padding:.35rem}
                tr+tr{border-top:1px solid #e4e7eb}.error{color:#b00020}.info{color:#0b5cad}
                </style></head>
                <body><main>
                <h1 id="provider">%s</h1>
                <p>This stands in for an organisation's single sign-on. Every demo account's password is
                <strong>%s</strong>.</p>
                %s
                <form method="post" action="login">
                <label for="username">User name</label>
                <input id="username" name="username" autocomplete="username" autofocus required>
                <label for="password">Password</label>
                <input id="password" name="password" type="password" autocomplete="current-password" required>
                <input type="hidden" name="%s" value="%s">
                <button id="sign-in" type="submit">Sign in</button>
                </form>
                <h2>Demo accounts</h2>
                <table><tr><th>User name</th><th>Name</th><th>Organisation</th><th>Role</th></tr>
                %s
                </table>
                </main>
                <script>
                document.querySelectorAll('.pick').forEach(function (b) {
                  b.addEventListener('click', function () {
                    document.getElementById('username').value = b.dataset.user;
                    document.getElementById('password').value = '%s';
                    document.getElementById('sign-in').focus();
                  });
                });
                </script>
                </body></html>
                """.formatted(
                        escape(provider.title()),
                        escape(provider.title()),
                        DemoAccount.PASSWORD,
                        notice,
                        escape(csrf.getParameterName()),
                        escape(csrf.getToken()),
                        rows,
                        DemoAccount.PASSWORD);
    }

    private static String escape(String text) {
        return HtmlUtils.htmlEscape(text);
    }
}
