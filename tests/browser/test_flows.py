"""Two whole journeys in a real browser, in Chinese, as users click through them."""

from __future__ import annotations

import re

import pytest
from playwright.async_api import Browser, Page, expect

from odr.i18n import gettext_for
from tests.browser.conftest import LiveServer
from tests.factories import PASSWORD

pytestmark = pytest.mark.browser
zh = gettext_for("zh_Hans")


async def sign_in(browser: Browser, server: LiveServer, username: str) -> Page:
    page = await (await browser.new_context(locale="zh-CN")).new_page()
    await page.goto(server.url + "/login")
    await page.fill("input[name=username]", username)
    await page.fill("input[name=password]", PASSWORD)
    await page.click("form[action='/login'] button[type=submit]")
    return page


async def file_complaint(page: Page, server: LiveServer, green: bool) -> str:
    await page.click(f"nav >> text={zh('File a complaint')}")
    await page.fill("input[name=q]", "好物")
    await page.click("form.search button")
    await page.click("ul.merchants a")
    await expect(page.locator("fieldset.green")).to_be_visible()
    await page.select_option("select[name=category]", "household_appliances")
    await page.fill("textarea[name=facts]", "购买的电饭煲使用三天后无法加热，商家拒绝退货。")
    await page.fill("textarea[name=request]", "退货并退款399元")
    await page.fill("input[name=amount]", "399")
    await page.fill("input[name=known_on]", "2026-11-01")
    if green:
        await page.check("input[name=green_channel]")
    await page.click("form[action='/complaints/new'] button[type=submit]")
    await expect(page).to_have_url(re.compile(r"/complaints/\d+$"))
    return page.url


async def test_green_channel_offer_accepted(browser: Browser, live_server: LiveServer) -> None:
    consumer = await sign_in(browser, live_server, "zhangsan")
    url = await file_complaint(consumer, live_server, green=True)
    await expect(consumer.locator("h1 .state")).to_have_text(zh("With the enterprise"))

    shop = await sign_in(browser, live_server, "shop_staff")
    await shop.click(f"a[href='{url.removeprefix(live_server.url)}']")
    await shop.select_option("select[name=remedy]", "refund")
    await shop.fill("input[name=amount]", "399")
    await shop.fill("textarea[name=note]", "全额退款，上门取件")
    await shop.click("form[action$='/offers'] button[type=submit]")
    await expect(shop.locator(".offer")).to_contain_text("全额退款")

    await consumer.reload()
    await consumer.click("form[action$='/accept'] button")
    await expect(consumer.locator("h1 .state")).to_have_text(zh("Settled by the enterprise"))


async def test_escalation_then_moderator_accepts(browser: Browser, live_server: LiveServer) -> None:
    consumer = await sign_in(browser, live_server, "zhangsan")
    url = await file_complaint(consumer, live_server, green=True)
    await consumer.fill("form[action$='/escalate'] input[name=reason]", "企业迟迟不处理")
    await consumer.click("form[action$='/escalate'] button")
    await expect(consumer.locator("h1 .state")).to_have_text(zh("Awaiting the regulator"))

    moderator = await sign_in(browser, live_server, "mod_xihu")
    await moderator.click(f"a[href='{url.removeprefix(live_server.url)}']")
    await moderator.check("input[name=decision][value=accept]")
    await moderator.click("form.decide button[type=submit]")
    await expect(moderator.locator("h1 .state")).to_have_text(zh("Accepted"))
    await moderator.click(f"text={zh('Printable notice')}")
    await expect(moderator.locator("article.notice h1")).to_contain_text(
        zh("Notice of acceptance of a complaint")
    )
