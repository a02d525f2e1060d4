// On narrow screens the header's search and main menu fold away behind a "Menu" button, so
// the page's own content starts near the top. Without this script everything stays shown.
const header = document.querySelector(".site-header");
const button = header && header.querySelector(".menu-toggle");
if (button) {
    const show = (open) => {
        header.dataset.menu = open ? "open" : "closed";
        button.setAttribute("aria-expanded", String(open));
    };
    show(false);
    button.hidden = false;
    button.addEventListener("click", () => show(button.getAttribute("aria-expanded") !== "true"));
}
