package io.github.h2push.sample;

import java.security.Principal;

import io.github.h2push.PushResources;

import org.springframework.lang.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The home page: its stylesheet and script are declared on the class, its logo and
 * the signed-in user's avatar on the method. The avatar is for signed-in users only,
 * so it is never offered to anonymous visitors.
 */
@Controller
@PushResources({ "/css/site.css", "/js/app.js" })
class HomeController {

	@GetMapping("/")
	@PushResources({ "/img/logo.svg", "/account/avatar.svg" })
	String home(@Nullable Principal user, Model model) {
		model.addAttribute("user", (user != null) ? user.getName() : null);
		return "index";
	}

}
