/** The price components MDX content may use, passed to every briefing's <Content />. */
import Price from './Price.astro';
import PriceClaim from './PriceClaim.astro';
import PriceComparison from './PriceComparison.astro';
import PriceFact from './PriceFact.astro';
import TrendPrices from './TrendPrices.astro';

export const priceComponents = { Price, PriceClaim, PriceComparison, PriceFact, TrendPrices };
